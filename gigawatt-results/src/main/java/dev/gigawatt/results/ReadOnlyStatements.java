package dev.gigawatt.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check that untrusted SQL is exactly one read-only statement, made with DuckDB's own parser
 * before anything of it runs.
 */
final class ReadOnlyStatements {
    /*
     * Why a check on top of the sandboxed connection (external access off, configuration locked):
     * DuckDB always lets a connection reach its own database file and WAL, so
     * COPY ... TO '<the database>' (USE_TMP_FILE false) still overwrites the database; and the JDBC
     * driver, given several statements, runs all but the last while preparing, so the count must be
     * known before anything is prepared. Every text gigawatt then runs for the user (the statement
     * itself, or it wrapped with a LIMIT or a count) passes this parser check first.
     *
     * json_serialize_sql parses the text with DuckDB's parser and serialises it only when every
     * statement is a SELECT, which covers WITH, VALUES, FROM-first, DESCRIBE, SHOW and SUMMARIZE.
     * EXPLAIN is recognised by its keyword and the rest checked the same way; a PRAGMA is let through
     * only when the whole text matches one of a few read-only PRAGMAs with at most one plain argument.
     * The first keyword of a refused statement only picks the reason shown.
     */

    /** The statements allowed, as the refusal names them. */
    static final String ALLOWED =
            "SELECT, WITH, VALUES, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN or a read-only PRAGMA such as table_info";

    private static final Pattern EXPLAIN = Pattern.compile("(?is)\\s*EXPLAIN(?:\\s+ANALYZE)?\\s+(.*)");
    private static final Pattern PRAGMA =
            Pattern.compile("(?i)\\s*PRAGMA\\s+(?:table_info|show|storage_info|show_tables"
                    + "|show_tables_expanded|database_size|database_list|version|platform)"
                    + "\\s*(?:\\(\\s*(?:'[^';]*'|[A-Za-z_][A-Za-z0-9_.]*)\\s*\\))?\\s*;?\\s*");
    private static final Pattern FIRST_WORD =
            Pattern.compile("(?s)\\s*(?:--[^\\n]*(?:\\n|$)\\s*|/\\*.*?\\*/\\s*)*([A-Za-z]+)");
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("COPY", "COPY writes files"),
            Map.entry("EXPORT", "EXPORT writes files"),
            Map.entry("IMPORT", "IMPORT reads files"),
            Map.entry("ATTACH", "ATTACH opens other databases"),
            Map.entry("DETACH", "DETACH changes the attached databases"),
            Map.entry("USE", "USE changes the default database"),
            Map.entry("INSTALL", "extensions cannot be installed or loaded"),
            Map.entry("FORCE", "extensions cannot be installed or loaded"),
            Map.entry("LOAD", "extensions cannot be installed or loaded"),
            Map.entry("SET", "the settings are locked"),
            Map.entry("RESET", "the settings are locked"),
            Map.entry(
                    "PRAGMA",
                    "only read-only PRAGMAs (table_info, show, show_tables, database_size, ...) are"
                            + " allowed and the settings are locked"),
            Map.entry("CALL", "CALL is not allowed; use SELECT * FROM the_function(...)"),
            Map.entry("PIVOT", "write it as SELECT * FROM (PIVOT ...)"),
            Map.entry("UNPIVOT", "write it as SELECT * FROM (UNPIVOT ...)"));

    /** The kinds of statement allowed. */
    enum Kind {
        /** A SELECT in DuckDB's parse tree (WITH, VALUES, FROM, DESCRIBE, SHOW, SUMMARIZE too): fits in a subquery. */
        SELECT,
        /** EXPLAIN or a read-only PRAGMA: runs as it is; its result is small. */
        OTHER
    }

    private ReadOnlyStatements() {}

    /**
     * Checks that {@code sql} is one read-only statement and says which kind.
     *
     * @throws StoreException saying why not, in one line
     * @throws SQLException when the check itself cannot run
     */
    static Kind check(Connection connection, String sql) throws SQLException {
        Parse parse = parse(connection, sql);
        if (parse.selects() == 1) {
            return Kind.SELECT;
        }
        if (parse.selects() == 0) {
            throw new StoreException("no SQL statement given", null);
        }
        if (parse.selects() > 1) {
            throw new StoreException(
                    "only one statement is allowed; found " + parse.selects() + " separated by ';'", null);
        }
        if ("parser".equals(parse.errorType())) {
            throw new StoreException("Parser Error: " + parse.errorMessage(), null);
        }
        if (PRAGMA.matcher(sql).matches()) {
            return Kind.OTHER;
        }
        Matcher explain = EXPLAIN.matcher(sql);
        if (explain.matches() && isOneSelect(connection, explain.group(1))) {
            return Kind.OTHER;
        }
        throw new StoreException("only one read-only statement is allowed (" + ALLOWED + "); " + reason(sql), null);
    }

    /** True when DuckDB's parser reads {@code sql} as exactly one SELECT. */
    static boolean isOneSelect(Connection connection, String sql) throws SQLException {
        return parse(connection, sql).selects() == 1;
    }

    /**
     * The statement as DuckDB prints it back from its parse tree: one SELECT, without comments or a
     * trailing semicolon.
     */
    static String canonical(Connection connection, String sql) throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT json_deserialize_sql(json_serialize_sql(?::VARCHAR))")) {
            ps.setString(1, sql);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** How DuckDB's parser saw the text: the number of statements when all are SELECTs, else -1 and why. */
    private record Parse(int selects, String errorType, String errorMessage) {}

    private static Parse parse(Connection connection, String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT json_extract_string(j, '$.error_type'),"
                + " json_extract_string(j, '$.error_message'), json_array_length(j, '$.statements')"
                + " FROM (SELECT json_serialize_sql(?::VARCHAR) AS j)")) {
            ps.setString(1, sql);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long statements = rs.getLong(3);
                return rs.wasNull()
                        ? new Parse(-1, rs.getString(1), rs.getString(2))
                        : new Parse((int) statements, null, null);
            }
        }
    }

    private static String reason(String sql) {
        Matcher m = FIRST_WORD.matcher(sql);
        if (!m.lookingAt()) {
            return "this is not one";
        }
        String word = m.group(1).toUpperCase(Locale.ROOT);
        String known = REASONS.get(word);
        if (known != null) {
            return known;
        }
        return switch (word) {
            case "INSERT",
                    "UPDATE",
                    "DELETE",
                    "MERGE",
                    "CREATE",
                    "DROP",
                    "ALTER",
                    "TRUNCATE",
                    "CHECKPOINT",
                    "VACUUM",
                    "ANALYZE",
                    "COMMENT" -> word + " changes the database, which query opens read-only";
            case "SELECT", "WITH", "VALUES", "FROM", "DESCRIBE", "SHOW", "SUMMARIZE", "EXPLAIN", "TABLE" ->
                "the text holds more than one statement, or one that is not read-only";
            default -> word + " is not a read-only statement";
        };
    }
}

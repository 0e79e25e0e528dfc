package dev.gigawatt.input;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for text read from input files, and how a value is echoed in a message: control
 * characters escaped (so a message never moves a terminal's cursor or hides text), long values cut.
 */
public final class Text {
    /** Characters of a value echoed in a message before it is cut. */
    static final int ECHO_LENGTH = 60;

    private Text() {}

    /**
     * {@code bytes} decoded as UTF-8, or empty when they are not UTF-8 (malformed or unmappable): input is
     * never decoded with replacement characters, which would hide what the file holds.
     */
    public static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** {@code text} in double quotes for a message: escaped, and cut with its length when long. */
    public static String quote(String text) {
        int length = text.codePointCount(0, text.length());
        if (length <= ECHO_LENGTH) {
            return "\"" + escape(text) + "\"";
        }
        String head = text.substring(0, text.offsetByCodePoints(0, ECHO_LENGTH));
        return "\"" + escape(head) + "…\" (" + String.format(Locale.ROOT, "%,d", length) + " characters)";
    }

    /** {@code text} with control characters, line separators and lone surrogates written as Unicode escapes. */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = isControl(c) || isLineSeparator(c) || isLoneSurrogate(text, i);
            if (bad && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (bad) {
                    out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * What is wrong with a text value anywhere in a file, or null: it must be valid Unicode and hold
     * no control characters other than tab and line breaks.
     */
    static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isLoneSurrogate(text, i)) {
                return "is not valid Unicode: it contains a lone surrogate ("
                        + String.format(Locale.ROOT, "\\u%04x", (int) c) + "), got " + quote(text);
            }
            if (isControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return "must not contain control characters (" + controlName(c) + "), got " + quote(text);
            }
        }
        return null;
    }

    /**
     * What is wrong with {@code text} as a name, or null: not empty, one line without tabs, at most
     * {@link Limits#MAX_NAME_LENGTH} characters. (Other control characters are reported for every
     * value by {@link #problem}.)
     */
    static String nameProblem(String text) {
        if (text.isBlank()) {
            return "must not be empty";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || isLineSeparator(c)) {
                return "a name must be one line without tabs, got " + quote(text);
            }
        }
        int length = text.codePointCount(0, text.length());
        if (length > Limits.MAX_NAME_LENGTH) {
            return "a name must be at most " + Limits.MAX_NAME_LENGTH + " characters, got " + quote(text);
        }
        return null;
    }

    /** C0 controls, DEL and C1 controls. */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    private static boolean isLineSeparator(char c) {
        return c == '\u2028' || c == '\u2029';
    }

    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    private static String controlName(char c) {
        return switch (c) {
            case 0 -> "NUL";
            case 0x1b -> "ESC, as in terminal escape sequences";
            case 0x7f -> "DEL";
            default -> String.format(Locale.ROOT, "U+%04X", (int) c);
        };
    }

    /** SHA-256 of {@code text} in UTF-8, as lower-case hex: how a recorded input is told apart from an edited one. */
    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

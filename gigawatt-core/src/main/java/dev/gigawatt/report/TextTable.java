package dev.gigawatt.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with a header row; the first column is left-aligned, the rest right-aligned. */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;
    private final boolean[] leftAligned;

    public TextTable(String... header) {
        this.columns = header.length;
        this.leftAligned = new boolean[columns];
        this.leftAligned[0] = true;
        rows.add(header);
    }

    /** Left-aligns the given columns (text rather than numbers). */
    public TextTable leftAlign(int... columnIndexes) {
        for (int c : columnIndexes) {
            leftAligned[c] = true;
        }
        return this;
    }

    /** Adds a row; it must have as many cells as the header. */
    public TextTable row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        rows.add(cells);
        return this;
    }

    /** True when only the header is present. */
    public boolean isEmpty() {
        return rows.size() == 1;
    }

    /** Renders the table as aligned text, one line per row, with a rule under the header. */
    public String render() {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String cell = row[c];
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(leftAligned[c] ? cell + pad : pad + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                int total = 0;
                for (int w : widths) {
                    total += w;
                }
                out.append("-".repeat(total + 2 * (columns - 1))).append('\n');
            }
        }
        return out.toString();
    }

    /** Renders the table as GitHub-flavoured Markdown. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append("| ").append(String.join(" | ", rows.get(r))).append(" |\n");
            if (r == 0) {
                out.append("|");
                for (int c = 0; c < columns; c++) {
                    out.append(c == 0 ? "---|" : "---:|");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}

package dev.gigawatt.web;

import dev.gigawatt.results.RunSummary;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The runs {@code GET /api/runs} keeps: {@code ?search=} (in the id, scenario name or file, any case),
 * {@code ?kind=} ({@code plan}, {@code simulate}, {@code sweep}) and {@code ?from=} / {@code ?to=}
 * (days, UTC, both included, on the day the run started).
 */
record RunFilter(String search, String kind, LocalDate from, LocalDate to) implements Predicate<RunSummary> {
    /** The kinds of run the database records. */
    static final List<String> KINDS = List.of("plan", "simulate", "sweep");

    /** The filter the request's query parameters ask for; 400 for an unknown kind or a malformed day. */
    static RunFilter of(Context ctx) {
        String search = blankToNull(ctx.queryParam("search"));
        String kind = blankToNull(ctx.queryParam("kind"));
        if (kind != null && !KINDS.contains(kind)) {
            throw ApiException.badRequest("?kind= must be one of " + String.join(", ", KINDS) + ", got '" + kind + "'");
        }
        LocalDate from = day(ctx, "from");
        LocalDate to = day(ctx, "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badRequest("?to=" + to + " is before ?from=" + from);
        }
        return new RunFilter(search == null ? null : search.toLowerCase(Locale.ROOT), kind, from, to);
    }

    @Override
    public boolean test(RunSummary r) {
        LocalDate started = r.started().atOffset(ZoneOffset.UTC).toLocalDate();
        return (search == null || contains(r.runId()) || contains(r.scenario()) || contains(r.scenarioFile()))
                && (kind == null || kind.equals(r.kind()))
                && (from == null || !started.isBefore(from))
                && (to == null || !started.isAfter(to));
    }

    private boolean contains(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(search);
    }

    private static LocalDate day(Context ctx, String name) {
        String text = blankToNull(ctx.queryParam(name));
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("?" + name + "= must be a day as YYYY-MM-DD (UTC), got '" + text + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

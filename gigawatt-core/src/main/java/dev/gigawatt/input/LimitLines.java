package dev.gigawatt.input;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Finds the line where a document passes the alias or nesting limit. SnakeYAML reports those
 * limits without a position, so the text is scanned again, as a stream of events (which builds
 * nothing and so is safe on a document the composer refused).
 */
final class LimitLines {
    private LimitLines() {}

    /** The 1-based line of the first alias to a list or mapping beyond {@code max}; 0 if none is found. */
    static int tooManyAliases(String text, int max) {
        Set<String> collections = new HashSet<>();
        int aliases = 0;
        try {
            for (Event e : events(text)) {
                if (e instanceof CollectionStartEvent start && start.getAnchor() != null) {
                    collections.add(start.getAnchor());
                } else if (e instanceof ScalarEvent scalar && scalar.getAnchor() != null) {
                    collections.remove(scalar.getAnchor());
                } else if (e instanceof AliasEvent alias
                        && collections.contains(alias.getAnchor())
                        && ++aliases > max) {
                    return line(e);
                }
            }
        } catch (YAMLException e) {
            return 0;
        }
        return 0;
    }

    /** The 1-based line of the first list or mapping nested deeper than {@code max}; 0 if none is found. */
    static int tooDeep(String text, int max) {
        int depth = 0;
        try {
            for (Event e : events(text)) {
                if (e instanceof CollectionStartEvent && ++depth > max) {
                    return line(e);
                } else if (e instanceof CollectionEndEvent) {
                    depth--;
                }
            }
        } catch (YAMLException e) {
            return 0;
        }
        return 0;
    }

    private static Iterable<Event> events(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Limits.MAX_FILE_BYTES);
        return new Yaml(options).parse(new StringReader(text));
    }

    private static int line(Event e) {
        return e.getStartMark() == null ? 0 : e.getStartMark().getLine() + 1;
    }
}

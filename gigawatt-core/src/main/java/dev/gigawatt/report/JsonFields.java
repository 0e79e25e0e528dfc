package dev.gigawatt.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Small helpers shared by the JSON writers. */
final class JsonFields {
    private JsonFields() {}

    /** Writes a number field, or null when the number is NaN or infinite (JSON has neither). */
    static void num(JsonGenerator g, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumberField(name, value);
        } else {
            g.writeNullField(name);
        }
    }
}

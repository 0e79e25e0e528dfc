package dev.gigawatt.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.util.Map;

/** The API's JSON: values written with Jackson, documents the engines wrote passed through as they are. */
final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private Json() {}

    /** {@code value} as JSON text. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code value} as JSON text on one line (for Server-Sent Events, whose data ends at a line break). */
    static String line(Object value) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Answers with {@code value} as JSON. */
    static void send(Context ctx, Object value) {
        sendText(ctx, write(value));
    }

    /** Answers with JSON text already written (by the planner's or simulator's writer). */
    static void sendText(Context ctx, String json) {
        ctx.contentType("application/json; charset=utf-8").result(json);
    }

    /** Answers with {@code {"error": message}}. */
    static void error(Context ctx, int status, String message) {
        ctx.status(status);
        send(ctx, Map.of("error", message));
    }
}

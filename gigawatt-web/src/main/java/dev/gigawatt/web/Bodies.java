package dev.gigawatt.web;

import dev.gigawatt.input.Limits;
import dev.gigawatt.input.Text;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Request bodies, read up to the size any input file may have (4 MiB) and refused past it. */
final class Bodies {
    /** Largest request body, in bytes: the same bound as a scenario file. */
    static final int MAX_BYTES = Limits.MAX_FILE_BYTES;

    private Bodies() {}

    /**
     * The body as UTF-8 text.
     *
     * @throws ApiException 413 when it is larger than {@link #MAX_BYTES}, 400 when it is not UTF-8
     */
    static String text(Context ctx) {
        long declared = ctx.contentLength();
        if (declared > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = ctx.bodyInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        return Text.strictUtf8(bytes).orElseThrow(() -> ApiException.badRequest("the request body is not UTF-8 text"));
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "the request body is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
    }
}

package dev.gigawatt.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

/**
 * Who may use the server, checked before every request: the token when one is set, and, against
 * other web pages in the same browser, the Host and Origin headers.
 *
 * <p>A page on another site can make the browser send a request to 127.0.0.1 (a form post, or a
 * name that resolves to 127.0.0.1 after the page loaded: DNS rebinding). Without a token the
 * server therefore answers only requests whose Host names the loopback address, and refuses any
 * request whose Origin is another site.
 */
final class Access {
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final byte[] token;

    Access(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** True when {@code bind} is a loopback address (127.0.0.0/8, ::1, localhost). */
    static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind: unknown address '" + bind + "'");
        }
    }

    /** Refuses the request (401 or 403) unless it may be served. */
    void check(Context ctx) {
        String host = ctx.header("Host");
        if (token == null && (host == null || !LOOPBACK_NAMES.contains(hostName(host)))) {
            throw new ApiException(403, "this server answers only requests to localhost or 127.0.0.1");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !sameOrigin(origin, host)) {
            throw new ApiException(403, "cross-origin requests are not allowed");
        }
        if (token != null && !tokenMatches(ctx)) {
            throw new ApiException(
                    401,
                    "this server needs its token: add ?token=... to the URL or send" + " 'Authorization: Bearer ...'");
        }
    }

    private boolean tokenMatches(Context ctx) {
        String given = ctx.queryParam("token");
        String auth = ctx.header("Authorization");
        if (given == null && auth != null && auth.startsWith("Bearer ")) {
            given = auth.substring("Bearer ".length()).trim();
        }
        // Constant-time comparison: the time taken does not tell how much of a guess was right.
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean sameOrigin(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null || host == null) {
                return false;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The name part of a Host header: {@code 127.0.0.1:8080} → {@code 127.0.0.1}, {@code [::1]:80} → {@code [::1]}. */
    static String hostName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}

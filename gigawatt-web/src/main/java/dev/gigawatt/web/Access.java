package dev.gigawatt.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

/**
 * Who may use the server, checked before every request: the token when one is set, and, against
 * other web pages in the same browser, the Host and Origin headers.
 *
 * <p>With a token, a request carries it as {@code ?token=}, {@code Authorization: Bearer} or the
 * cookie a request with {@code ?token=} sets (HttpOnly, SameSite=Strict), so that the page's own
 * style sheet, scripts and module imports, which the browser fetches without the query, get it too.
 *
 * <p>A page on another site can make the browser send a request to 127.0.0.1 (a form post, or a
 * name that resolves to 127.0.0.1 after the page loaded: DNS rebinding). Without a token the
 * server therefore answers only requests whose Host names the loopback address, and refuses any
 * request whose Origin is another site.
 */
final class Access {
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    /** The cookie that carries the token after the page was opened with {@code ?token=}. */
    static final String COOKIE = "gigawatt-token";

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
        if (token == null) {
            return;
        }
        String query = ctx.queryParam("token");
        if (query != null) {
            if (!matches(query)) {
                throw refused();
            }
            // The page's style sheet, scripts and module imports are fetched without ?token=: the
            // browser carries it from here on, to this host only, out of reach of the page's scripts.
            ctx.header(
                    "Set-Cookie",
                    COOKIE + "=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                            + "; Path=/; HttpOnly; SameSite=Strict");
            return;
        }
        String auth = ctx.header("Authorization");
        String cookie = ctx.cookie(COOKIE);
        String given = auth != null && auth.startsWith("Bearer ")
                ? auth.substring("Bearer ".length()).trim()
                : cookie == null ? null : URLDecoder.decode(cookie, StandardCharsets.UTF_8);
        if (given == null || !matches(given)) {
            throw refused();
        }
    }

    private static ApiException refused() {
        return new ApiException(
                401, "this server needs its token: add ?token=... to the URL or send 'Authorization: Bearer ...'");
    }

    /** True when {@code given} is the token, compared in constant time (the time taken tells nothing of a guess). */
    private boolean matches(String given) {
        return MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
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

package dev.promptport.failover;

import dev.promptport.Target;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One place a {@link Failover} can send a request to: Anthropic's Messages API with the
 * request unchanged, or a {@link Target} whose request is translated first.
 *
 * <table>
 * <caption>What is sent where</caption>
 * <tr><th>wire</th><th>POST</th><th>key header</th></tr>
 * <tr><td>Anthropic (and targets with wire {@code anthropic})</td><td>{@code {base}/v1/messages}</td>
 *     <td>{@code x-api-key}, with {@code anthropic-version: 2023-06-01}</td></tr>
 * <tr><td>{@code openai-chat}</td><td>{@code {base}/v1/chat/completions}</td><td>{@code Authorization: Bearer}</td></tr>
 * <tr><td>{@code openai-responses}</td><td>{@code {base}/v1/responses}</td><td>{@code Authorization: Bearer}</td></tr>
 * <tr><td>{@code gemini}</td><td>{@code {base}/v1beta/models/{model}:generateContent}
 *     ({@code :streamGenerateContent?alt=sse} for streams)</td><td>{@code x-goog-api-key}</td></tr>
 * </table>
 *
 * <p>The base URL is the API's root without {@code /v1} ({@code https://api.openai.com}).
 * The API key is held only to be sent in that header: it is not part of {@link #toString()},
 * of any {@link Attempt}, result, exception or log line. Instances are immutable; the
 * {@code with…} methods return copies.
 */
public final class Endpoint {

    // gateways name their key headers freely (api-key, x-portkey-api-key, Helicone-Auth,
    // cf-aig-authorization): a name that merely hints at a credential is treated as one, since
    // masking a harmless value in an error message costs nothing and leaking a key does
    private static final List<String> CREDENTIAL_WORDS = List.of("key", "token", "secret", "auth", "password", "cookie");

    private final String name;
    private final Wire wire;
    private final Target target;
    private final URI baseUrl;
    private final String apiKey;
    private final URI healthUrl;
    private final Map<String, String> headers;

    private Endpoint(String name, Wire wire, Target target, URI baseUrl, String apiKey, URI healthUrl,
                     Map<String, String> headers) {
        this.name = name;
        this.wire = wire;
        this.target = target;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.healthUrl = healthUrl;
        this.headers = headers;
    }

    /**
     * Anthropic's Messages API at {@code baseUrl} ({@code https://api.anthropic.com}); the
     * request is sent as the caller wrote it. Named {@code anthropic}.
     *
     * @param apiKey the key sent as {@code x-api-key}; {@code null} sends none
     */
    public static Endpoint anthropic(URI baseUrl, String apiKey) {
        return new Endpoint("anthropic", Wire.ANTHROPIC, null, checkBase(baseUrl), key(apiKey), null, Map.of());
    }

    /**
     * {@code target}'s API at {@code baseUrl}; the request is translated for the target and
     * the reply translated back. Named after the target ({@code openai:gpt-4o}).
     *
     * @param apiKey the key sent in the wire's header; {@code null} sends none (a local server)
     * @throws IllegalArgumentException when the target's wire format is not one listed above
     */
    public static Endpoint of(Target target, URI baseUrl, String apiKey) {
        Objects.requireNonNull(target, "target");
        Wire wire = Wire.of(target.facts().wire());
        return new Endpoint(target.id(), wire, target, checkBase(baseUrl), key(apiKey), null, Map.of());
    }

    /** A copy with another name (names must be unique within one {@link Failover}). */
    public Endpoint named(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("an endpoint name must not be blank");
        }
        return new Endpoint(newName, wire, target, baseUrl, apiKey, healthUrl, headers);
    }

    /**
     * A copy whose circuit breaker, when half-open, first sends {@code GET url} and lets the
     * real request through only on a 2xx. The key headers go with the probe only when the URL
     * has the same scheme, host and port as the base URL.
     */
    public Endpoint withHealthCheck(URI url) {
        Objects.requireNonNull(url, "url");
        return new Endpoint(name, wire, target, baseUrl, apiKey, checkBase(url), headers);
    }

    /**
     * A copy that also sends header {@code name: value} (such as {@code anthropic-beta} or
     * {@code OpenAI-Organization}); it replaces a default header of the same name. The value
     * of a header whose name contains {@code key}, {@code token}, {@code secret}, {@code auth},
     * {@code password} or {@code cookie} (Azure's {@code api-key}, {@code Ocp-Apim-Subscription-Key},
     * {@code Proxy-Authorization}) is a credential: it is masked wherever the API key is.
     *
     * @throws IllegalArgumentException for an API key's header (pass the key to the factory
     *         method), a header the HTTP client sets itself ({@code Host}, {@code Content-Length},
     *         …), a name that is no HTTP token, or a value with a line break or another control
     *         character; the message names the header, never the value
     */
    public Endpoint withHeader(String headerName, String value) {
        Objects.requireNonNull(headerName, "headerName");
        Objects.requireNonNull(value, "value");
        String lower = headerName.toLowerCase(Locale.ROOT);
        if (lower.equals("x-api-key") || lower.equals("authorization") || lower.equals("x-goog-api-key")) {
            throw new IllegalArgumentException("pass the API key to the factory method, not as header " + headerName);
        }
        checkHeader(headerName, lower, value);
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(headerName, value);
        return new Endpoint(name, wire, target, baseUrl, apiKey, healthUrl, Map.copyOf(copy));
    }

    public String name() {
        return name;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The target the request is translated for; empty for {@link #anthropic} (sent unchanged). */
    public Optional<Target> target() {
        return Optional.ofNullable(target);
    }

    /** The wire format: {@code anthropic}, {@code openai-chat}, {@code openai-responses} or {@code gemini}. */
    public String wire() {
        return wire.id();
    }

    public Optional<URI> healthCheckUrl() {
        return Optional.ofNullable(healthUrl);
    }

    Wire wireFormat() {
        return wire;
    }

    Target targetOrNull() {
        return target;
    }

    String apiKey() {
        return apiKey;
    }

    URI healthUrl() {
        return healthUrl;
    }

    Map<String, String> headers() {
        return headers;
    }

    /**
     * The credentials this endpoint sends: its API key and the value of every
     * {@linkplain #credentialHeader credential header}, with the credential alone when the value
     * names its scheme first ({@code Bearer abc…}), since a server may echo either.
     */
    List<String> secrets() {
        List<String> out = new ArrayList<>();
        if (apiKey != null) {
            out.add(apiKey);
        }
        headers.forEach((headerName, value) -> {
            if (credentialHeader(headerName)) {
                String v = value.strip();
                out.add(v);
                int space = v.indexOf(' ');
                if (space > 0) {
                    out.add(v.substring(space + 1).strip());
                }
            }
        });
        return out;
    }

    /** Whether a header of this name carries a credential, as far as its name tells. */
    static boolean credentialHeader(String headerName) {
        String lower = headerName.toLowerCase(Locale.ROOT);
        for (String word : CREDENTIAL_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The model named in the URL (Gemini) or {@code null}. */
    String urlModel() {
        return target == null ? null : target.model();
    }

    /** Whether a probe to {@code url} may carry this endpoint's key: same scheme, host and port. */
    boolean sameOrigin(URI url) {
        return Objects.equals(lower(url.getScheme()), lower(baseUrl.getScheme()))
                && Objects.equals(lower(url.getHost()), lower(baseUrl.getHost()))
                && port(url) == port(baseUrl);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** Headers the HTTP client sets itself and refuses from the caller. */
    private static final java.util.Set<String> RESTRICTED = java.util.Set.of("connection", "content-length", "date",
            "expect", "from", "host", "upgrade", "via", "warning");

    /**
     * Refuses now, not at the first request in an outage, a header the HTTP client would refuse:
     * a name that is no HTTP token or one it sets itself, a value with a line break or another
     * control character. The message names the header, never its value, which may be a key.
     */
    private static void checkHeader(String name, String lower, String value) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a header name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0)) {
                throw new IllegalArgumentException("header name \"" + name.replaceAll("\\p{Cntrl}", "?")
                        + "\" holds a character a header name cannot, at index " + i);
            }
        }
        if (RESTRICTED.contains(lower)) {
            throw new IllegalArgumentException("header " + name + " is set by the HTTP client itself and cannot be given");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' && c != '\t' || c == 0x7f || c > 0xff) {
                // the message must not quote the value: it may be a key read from a file, line break and all
                throw new IllegalArgumentException("the value of header " + name + " holds a character an HTTP header"
                        + " cannot carry (a line break, a control character or a character past Latin-1) at index " + i);
            }
        }
    }

    private static String key(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return null;
        }
        for (int i = 0; i < apiKey.length(); i++) {
            char c = apiKey.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                // the message must not quote the key
                throw new IllegalArgumentException("the API key contains a character an HTTP header cannot carry"
                        + " (whitespace, a control character or non-ASCII) at index " + i);
            }
        }
        return apiKey;
    }

    private static URI checkBase(URI uri) {
        Objects.requireNonNull(uri, "baseUrl");
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("an endpoint URL must be an absolute http(s) URL: " + safe(uri));
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("an endpoint URL must not carry user info, a query or a fragment"
                    + " (pass keys to the factory method): " + safe(uri));
        }
        return uri;
    }

    /** The URL without user info, query or fragment, where a credential could hide. */
    static String safe(URI uri) {
        if (uri == null) {
            return "null";
        }
        if (uri.getHost() == null) {
            return "(not an absolute URL)";
        }
        String port = uri.getPort() >= 0 ? ":" + uri.getPort() : "";
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getHost() + port + path;
    }

    /** Name, wire and URL; never the key or extra header values. */
    @Override
    public String toString() {
        return "Endpoint[" + name + ", " + wire.id() + ", " + safe(baseUrl)
                + (apiKey == null ? ", no key" : ", key set") + "]";
    }
}

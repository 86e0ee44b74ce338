package kz.hearingstate.routing.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import kz.hearingstate.routing.config.RoutingProperties;
import org.springframework.stereotype.Component;

/**
 * Checks an {@code X-Api-Key} against the SHA-256 hashes in configuration, so the keys themselves are
 * never stored. Comparison is constant-time.
 */
@Component
public class ApiKeys {

    public static final String HEADER = "X-Api-Key";

    private final byte[] adminHash;
    private final Map<String, byte[]> departmentHashes;

    public ApiKeys(RoutingProperties properties) {
        RoutingProperties.Security security = properties.security();
        this.adminHash = security.adminKeySha256() == null || security.adminKeySha256().isBlank()
                ? null : HexFormat.of().parseHex(security.adminKeySha256().trim());
        this.departmentHashes = security.departmentKeySha256().entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                        e -> HexFormat.of().parseHex(e.getValue().trim())));
    }

    /** @throws UnauthenticatedException when the key is missing or matches no one */
    public Caller authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new UnauthenticatedException();
        }
        byte[] hash = sha256(apiKey.trim());
        if (adminHash != null && MessageDigest.isEqual(adminHash, hash)) {
            return Caller.ofAdmin();
        }
        for (Map.Entry<String, byte[]> entry : departmentHashes.entrySet()) {
            if (MessageDigest.isEqual(entry.getValue(), hash)) {
                return Caller.ofDepartment(entry.getKey());
            }
        }
        throw new UnauthenticatedException();
    }

    /** @throws ForbiddenException unless the caller is the admin */
    public Caller requireAdmin(String apiKey) {
        Caller caller = authenticate(apiKey);
        if (!caller.admin()) {
            throw new ForbiddenException("Only the admin may do this.");
        }
        return caller;
    }

    /** @throws ForbiddenException unless the caller is the admin or the named department */
    public Caller requireDepartmentOrAdmin(String apiKey, String department) {
        Caller caller = authenticate(apiKey);
        if (!caller.admin() && !caller.isDepartment(department)) {
            throw new ForbiddenException("This key belongs to another department.");
        }
        return caller;
    }

    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** No key, or an unknown one: 401. */
    public static class UnauthenticatedException extends RuntimeException {
        public UnauthenticatedException() {
            super("A valid X-Api-Key is required.");
        }
    }

    /** A known key without the right to this resource: 403. */
    public static class ForbiddenException extends RuntimeException {
        public ForbiddenException(String message) {
            super(message);
        }
    }
}

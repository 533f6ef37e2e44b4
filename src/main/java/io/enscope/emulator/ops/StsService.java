package io.enscope.emulator.ops;

import io.enscope.emulator.Account;
import io.enscope.emulator.gateway.ApiException;
import io.enscope.emulator.gateway.Params;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * STS {@code AssumeRole} (version 2015-04-01), so that aliyun CLI profiles in RamRoleArn mode work
 * against the emulator: it issues temporary {@code STS.…} keys with a security token that carry
 * the caller's permissions, and checks the token on later requests.
 */
public final class StsService {
    public static final String VERSION = "2015-04-01";
    public static final String ACTION = "AssumeRole";
    private static final Pattern ROLE_ARN = Pattern.compile("acs:ram::\\d{1,32}:role/[A-Za-z0-9._-]{1,64}");
    private static final Pattern SESSION_NAME = Pattern.compile("[A-Za-z0-9._@-]{2,64}");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Temporary> issued = new ConcurrentHashMap<>();

    /** A temporary key: the account it acts as, its token and when it expires. */
    public record Temporary(Account account, String securityToken, Instant expiration) {
        @Override
        public String toString() {
            return "Temporary[" + account + ", securityToken=****, expiration=" + expiration + "]";
        }
    }

    public StsService(Clock clock) {
        this.clock = clock;
    }

    public Optional<Temporary> temporary(String accessKeyId) {
        return Optional.ofNullable(issued.get(accessKeyId));
    }

    /** AssumeRole for {@code caller}: the temporary key has the caller's permissions. */
    public Map<String, Object> assumeRole(Params p, Account caller) {
        String roleArn = p.require("RoleArn");
        if (!ROLE_ARN.matcher(roleArn).matches()) {
            throw ApiException.invalidParameter("RoleArn", "Use acs:ram::<account id>:role/<role name>.");
        }
        String session = p.require("RoleSessionName");
        if (!SESSION_NAME.matcher(session).matches()) {
            throw ApiException.invalidParameter("RoleSessionName", "2 to 64 letters, digits, or . _ @ -");
        }
        int duration = p.intValue("DurationSeconds", 3600, 900, 43_200);
        Instant expiration = clock.instant().plusSeconds(duration).truncatedTo(ChronoUnit.SECONDS);
        Account temp = new Account("STS." + text(24), text(40), caller.readOnly());
        String token = "CAIS" + HexFormat.of().formatHex(bytes(48));
        issued.put(temp.accessKeyId(), new Temporary(temp, token, expiration));
        String roleName = roleArn.substring(roleArn.indexOf('/') + 1);
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("AccessKeyId", temp.accessKeyId());
        credentials.put("AccessKeySecret", temp.accessKeySecret());
        credentials.put("SecurityToken", token);
        credentials.put("Expiration", expiration.toString());
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("Arn", roleArn.replace(":role/", ":assumed-role/") + "/" + session);
        user.put("AssumedRoleId", "3" + text(17) + ":" + session);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("AssumedRoleUser", user);
        body.put("Credentials", credentials);
        body.put("SourceIdentity", roleName);
        return body;
    }

    /** Checks the token of a temporary key; a permanent key needs none. */
    public void checkToken(String accessKeyId, String token) {
        Temporary t = issued.get(accessKeyId);
        if (t == null) {
            return;
        }
        if (token == null || token.isEmpty()) {
            throw ApiException.badRequest("MissingSecurityToken", "SecurityToken is mandatory for this action.");
        }
        if (!t.securityToken().equals(token)) {
            throw ApiException.badRequest("InvalidSecurityToken.MismatchWithAccessKey",
                    "The Security Token does not match access key Id.");
        }
        if (clock.instant().isAfter(t.expiration())) {
            throw ApiException.badRequest("InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");
        }
    }

    private String text(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}

package io.enscope.ens.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every type of the package that can hold a secret must redact it in {@code toString()}. The set of
 * such types is discovered by reflection, so a new secret-holding type without a sample here fails.
 */
class SecretRedactionTest {

    private static final String SECRET = "SECRET-value-42";
    private static final String TOKEN = "TOKEN-value-43";
    private static final String EXTERNAL_ID = "EXTERNAL-value-44";

    private static final AccessKey KEY = new AccessKey("LTAI5tRedactionTest01", Secret.of(SECRET),
            Optional.of(Secret.of(TOKEN)));
    private static final RoleAssumption ROLE = new RoleAssumption("acs:ram::1:role/r", "s", Optional.of(EXTERNAL_ID),
            Optional.of("cn-hangzhou"), Optional.empty(), 3600);
    private static final ResolvedCredentials RESOLVED = new ResolvedCredentials(ProfileRef.cliConfig("p"),
            Optional.of(Path.of("/home/u/.aliyun/config.json")), AuthMode.RAM_ROLE_ARN, KEY, Optional.of(ROLE),
            "cn-hangzhou");

    private static Map<Class<?>, Object> samples() {
        Map<Class<?>, Object> samples = new LinkedHashMap<>();
        samples.put(Secret.class, Secret.of(SECRET));
        samples.put(AccessKey.class, KEY);
        samples.put(RoleAssumption.class, ROLE);
        samples.put(ResolvedCredentials.class, RESOLVED);
        samples.put(TemporaryCredentials.class, new TemporaryCredentials(KEY, Instant.parse("2030-01-01T00:00:00Z")));
        samples.put(SessionCredentials.class, new SessionCredentials(ProfileRef.ENVIRONMENT, KEY,
                Optional.of(Instant.parse("2030-01-01T00:00:00Z"))));
        samples.put(SourceEntry.class, SourceEntry.usable(RESOLVED));
        samples.put(SourceListing.class, new SourceListing(Path.of("/home/u/.aliyun/config.json"), true, true,
                List.of(SourceEntry.usable(RESOLVED)), List.of(), Optional.of("p")));
        samples.put(SessionCredentialsProvider.class,
                new SessionCredentialsProvider(RESOLVED, (caller, role) -> null, java.time.Clock.systemUTC()));
        samples.put(EnvironmentVariables.Found.class, new EnvironmentVariables.Found("ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                SECRET));
        samples.put(IniFile.Section.class, IniFile.parse("[s]\naccess_key_secret = " + SECRET + "\n")
                .sections().get(0));
        samples.put(IniFile.Parsed.class, IniFile.parse("[s]\naccess_key_secret = " + SECRET + "\n"));
        samples.put(FileText.Result.class, new FileText.Result(true, "access_key_secret = " + SECRET, null));
        return samples;
    }

    @Test
    void toStringOfEverySecretHoldingTypeRedactsTheSecret() {
        samples().forEach((type, sample) -> {
            assertThat(sample).as(type.getSimpleName()).isInstanceOf(type);
            assertThat(sample.toString()).as(type.getSimpleName())
                    .doesNotContain(SECRET).doesNotContain(TOKEN).doesNotContain(EXTERNAL_ID);
        });
    }

    @Test
    void secretIsRevealedOnlyOnRequest() {
        Secret secret = Secret.of(SECRET);

        assertThat(secret.reveal()).isEqualTo(SECRET);
        assertThat(secret).hasToString("******").isEqualTo(Secret.of(SECRET)).isNotEqualTo(Secret.of("other"));
        assertThat("concatenated " + secret).doesNotContain(SECRET);
        assertThat(String.valueOf(Optional.of(secret))).doesNotContain(SECRET);
    }

    @Test
    void accessKeyIdIsMaskedInToString() {
        assertThat(KEY.toString()).contains("LTAI****st01").doesNotContain("LTAI5tRedactionTest01");
        assertThat(AccessKey.mask("LTAI5tRedactionTest01")).isEqualTo("LTAI****st01");
        assertThat(AccessKey.mask("short")).isEqualTo("****");
        assertThat(AccessKey.mask("")).isEmpty();
    }

    @Test
    void everyTypeThatCanHoldASecretHasASample() throws Exception {
        Set<Class<?>> holders = new HashSet<>();
        for (Class<?> type : packageClasses()) {
            // Object's own toString prints only the class name and hash, so it cannot leak.
            if (printsItsState(type) && holdsSecret(type, new HashSet<>())) {
                holders.add(type);
            }
        }
        // Guard against a silently empty scan: these are known holders.
        assertThat(holders).contains(Secret.class, AccessKey.class, ResolvedCredentials.class);
        assertThat(samples().keySet()).containsAll(holders);
    }

    private static boolean printsItsState(Class<?> type) {
        if (type.isRecord() || type.isEnum()) {
            return true;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod("toString");
                return true;
            } catch (NoSuchMethodException e) {
                // keep looking in the superclass
            }
        }
        return false;
    }

    private static boolean holdsSecret(Type type, Set<Type> visiting) {
        if (type == Secret.class) {
            return true;
        }
        if (!visiting.add(type)) {
            return false;
        }
        if (type instanceof ParameterizedType parameterized) {
            return Stream.of(parameterized.getActualTypeArguments()).anyMatch(arg -> holdsSecret(arg, visiting))
                    || holdsSecret(parameterized.getRawType(), visiting);
        }
        if (type instanceof Class<?> clazz && clazz.getPackageName().equals(Secret.class.getPackageName())) {
            for (Field field : clazz.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && holdsSecret(field.getGenericType(), visiting)) {
                    return true;
                }
            }
            // Classes that keep raw secret text in a String: readers' results and env lookups.
            return clazz == EnvironmentVariables.Found.class || clazz == IniFile.Section.class
                    || clazz == FileText.Result.class;
        }
        return false;
    }

    private static List<Class<?>> packageClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        URL url = Secret.class.getResource("Secret.class");
        Path directory = Path.of(url.toURI()).getParent();
        List<Class<?>> classes = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String simple = file.getFileName().toString().replace(".class", "");
                classes.add(Class.forName(Secret.class.getPackageName() + "." + simple));
            }
        }
        return classes;
    }
}

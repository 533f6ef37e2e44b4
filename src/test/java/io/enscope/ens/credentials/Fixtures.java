package io.enscope.ens.credentials;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds fake home directories from the sample files in {@code src/test/resources/credentials}. */
final class Fixtures {

    /** Every secret and token in the sample files starts with one of these. */
    static final List<String> SECRET_MARKERS = List.of("SECRET-", "TOKEN-", "EXTERNAL-");

    private Fixtures() {
    }

    static String sample(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/credentials/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path cliConfig(Path home, String sample) {
        return write(home.resolve(".aliyun").resolve("config.json"), sample(sample));
    }

    static Path credentialsFile(Path home, String sample) {
        return write(home.resolve(".alibabacloud").resolve("credentials"), sample(sample));
    }

    static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> env(String... namesAndValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            env.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return env;
    }

    static Map<String, String> envKeys() {
        return env("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tFromEnvironment1",
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "SECRET-env");
    }
}

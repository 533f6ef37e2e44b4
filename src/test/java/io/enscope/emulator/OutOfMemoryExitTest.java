package io.enscope.emulator;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Out of heap while serving, the standalone emulator exits instead of lingering half-alive. */
class OutOfMemoryExitTest {

    @Test
    void anOutOfMemoryErrorWhileServingEndsTheProcess() throws Exception {
        Process process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OutOfMemoryExitMain.class.getName())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith("port ")) {
                line = out.readLine();
            }
            assertThat(line).as("the child started serving").isNotNull();
            int port = Integer.parseInt(line.substring("port ".length()).trim());
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(30_000);
                OutputStream request = socket.getOutputStream();
                request.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                request.flush();
                socket.getInputStream().readAllBytes(); // ends when the process does
            } catch (IOException reset) {
                // the process halted under the connection
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the process exited").isTrue();
            assertThat(process.exitValue()).isEqualTo(3);
            List<String> rest = out.lines().toList();
            assertThat(rest).anyMatch(t -> t.contains("out of memory; exiting"));
        } finally {
            process.destroyForcibly();
        }
    }
}

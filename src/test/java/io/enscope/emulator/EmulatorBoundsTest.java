package io.enscope.emulator;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.enscope.emulator.gateway.JettyTransport;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The emulator's bounds on slow and numerous clients, with real sockets on loopback. */
class EmulatorBoundsTest {
    private static final Account ADMIN = new Account("bounds-admin", "bounds-secret", false);

    /** Opens a connection that sends its headers and the first byte of a large body, then stalls. */
    private static Socket slowUpload(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nA";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }

    private static String signedQuery() {
        return RawHttp.query(RawHttp.signedV1("GET", ADMIN, "DescribeHaVips", Map.of()));
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a test client
            }
        }
    }

    @Test
    void hundredsOfSlowUploadsLeaveOtherClientsServed() throws IOException {
        try (EnsEmulator emulator = EnsEmulator.builder().port(0).scenario(TestScenarios.small()).account(ADMIN)
                .threads(8).requestTimeout(Duration.ofMinutes(1)).start()) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 200; i++) {
                    slow.add(slowUpload(emulator.port()));
                }
                RawHttp http = new RawHttp(emulator.port());
                // Well inside the request timeout: only a server that keeps no thread per slow upload answers.
                RawHttp.Response r = assertTimeoutPreemptively(Duration.ofSeconds(5),
                        () -> http.get(signedQuery()));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            } finally {
                closeAll(slow);
            }
        }
    }

    @Test
    void aRequestNotReceivedInFullByTheDeadlineIsAnswered408AndClosed() throws IOException {
        try (EnsEmulator emulator = EnsEmulator.builder().port(0).scenario(TestScenarios.small()).account(ADMIN)
                .requestTimeout(Duration.ofMillis(500)).start();
             Socket socket = slowUpload(emulator.port())) {
            // The idle timeout is far longer: only the request deadline ends this upload in time.
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("\"Code\":\"RequestTimeout\"")
                    .containsIgnoringCase("connection: close");
        }
    }

    @Test
    void headersSentAByteAtATimeAreCutOff() throws Exception {
        try (EnsEmulator emulator = EnsEmulator.builder().port(0).scenario(TestScenarios.small()).account(ADMIN)
                .requestTimeout(Duration.ofMillis(300)).start();
             Socket socket = new Socket("127.0.0.1", emulator.port())) {
            OutputStream out = socket.getOutputStream();
            byte[] head = ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "p".repeat(400))
                    .getBytes(StandardCharsets.ISO_8859_1);
            // One byte every 50 ms (each byte resets the idle timeout) for at most 20 s: the guard must
            // close the connection long before the headers could end.
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger sent = new AtomicInteger();
            pacer.scheduleAtFixedRate(() -> {
                int i = sent.getAndIncrement();
                try {
                    out.write(head[i % head.length]);
                    out.flush();
                } catch (IOException closedByTheServer) {
                    // the outcome is read below
                }
            }, 0, 50, TimeUnit.MILLISECONDS);
            try {
                socket.setSoTimeout(20_000);
                int first;
                try {
                    first = socket.getInputStream().read();
                } catch (SocketException reset) {
                    first = -1; // closed while a byte was on its way
                }
                assertThat(first).as("the server closed the connection without an answer").isEqualTo(-1);
                assertThat(sent.get()).isLessThan(head.length);
            } finally {
                pacer.shutdownNow();
            }
        }
    }

    @Test
    void aBodyWithinTheLimitsIsStillRead() {
        try (EnsEmulator emulator = EnsEmulator.builder().port(0).scenario(TestScenarios.small()).account(ADMIN)
                .requestTimeout(Duration.ofSeconds(10)).start()) {
            RawHttp http = new RawHttp(emulator.port());
            RawHttp.Response r = http.postForm("", signedPostForm());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }

    private static String signedPostForm() {
        return RawHttp.query(RawHttp.signedV1("POST", ADMIN, "DescribeHaVips", Map.of("PageSize", "10")));
    }

    @Test
    void connectionsPastTheCapWaitAndTheCapIsLoggedOnce() throws IOException {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger transportLog = (Logger) LoggerFactory.getLogger(JettyTransport.class);
        transportLog.addAppender(log);
        List<Socket> idle = new ArrayList<>();
        try (EnsEmulator emulator = EnsEmulator.builder().port(0).scenario(TestScenarios.small()).account(ADMIN)
                .maxConnections(3).start()) {
            for (int i = 0; i < 3; i++) {
                idle.add(new Socket("127.0.0.1", emulator.port()));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> log.list.stream()
                    .anyMatch(e -> e.getFormattedMessage().contains("limit of 3 connections")));
            Socket waiting = new Socket("127.0.0.1", emulator.port()); // lands in the backlog
            idle.add(waiting);
            waiting.setSoTimeout(700);
            OutputStream out = waiting.getOutputStream();
            out.write(("GET /?" + signedQuery() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = waiting.getInputStream();
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);

            idle.remove(0).close();
            waiting.setSoTimeout(10_000);
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200");
            assertThat(log.list.stream().filter(e -> e.getFormattedMessage().contains("connections"))).hasSize(1);
        } finally {
            closeAll(idle);
            transportLog.detachAppender(log);
        }
    }
}

package io.enscope.ens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small real HTTP proxy on 127.0.0.1 for tests: it forwards plain HTTP requests in absolute form
 * ({@code GET http://host:port/path}) and tunnels {@code CONNECT host:port}, only to loopback
 * targets, and records every request it forwarded. With {@link #requireCredentials} it answers 407
 * until the request carries the expected {@code Proxy-Authorization}.
 */
public final class ForwardingProxy implements AutoCloseable {
    /** One forwarded request: {@code CONNECT 127.0.0.1:1234} or {@code POST http://…/?Action=…}. */
    public record Forwarded(String method, String target, boolean authorized) {
        /** @return the {@code Action} query parameter of a plain request, or "" */
        public String action() {
            int at = target.indexOf("Action=");
            if (at < 0) {
                return "";
            }
            int end = target.indexOf('&', at);
            return target.substring(at + "Action=".length(), end < 0 ? target.length() : end);
        }
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Forwarded> forwarded = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile String expectedAuthorization;

    private ForwardingProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** @return a proxy listening on a free loopback port */
    public static ForwardingProxy start() throws IOException {
        return new ForwardingProxy();
    }

    /**
     * @param user     the user the proxy expects
     * @param password the password it expects
     * @return this, now answering 407 to requests without them
     */
    public ForwardingProxy requireCredentials(String user, String password) {
        expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** @return the port it listens on */
    public int port() {
        return server.getLocalPort();
    }

    /** @return the requests it forwarded, in order */
    public List<Forwarded> forwarded() {
        return List.copyOf(forwarded);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            String method = requestLine[0];
            String target = requestLine[1];
            String authorization = header(lines, "proxy-authorization");
            if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
                drainBody(in, lines);
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            }
            if (method.equals("CONNECT")) {
                tunnel(client, in, out, target, authorization != null);
            } else {
                forward(in, out, method, target, lines, authorization != null);
            }
        } catch (IOException dropped) {
            // the client or the target went away; nothing to record
        } finally {
            open.remove(client);
        }
    }

    private void tunnel(Socket client, InputStream in, OutputStream out, String target, boolean authorized)
            throws IOException {
        int colon = target.lastIndexOf(':');
        try (Socket upstream = connectLoopback(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)))) {
            forwarded.add(new Forwarded("CONNECT", target, authorized));
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            threads.execute(() -> pipe(upstream, client));
            in.transferTo(upstream.getOutputStream());
        }
    }

    private void forward(InputStream in, OutputStream out, String method, String target, String[] lines,
                         boolean authorized) throws IOException {
        URI uri = URI.create(target);
        byte[] body = readBody(in, lines);
        try (Socket upstream = connectLoopback(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort())) {
            forwarded.add(new Forwarded(method, target, authorized));
            StringBuilder request = new StringBuilder(method).append(' ').append(uri.getRawPath().isEmpty() ? "/"
                    : uri.getRawPath()).append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    .append(" HTTP/1.1\r\n");
            for (int i = 1; i < lines.length; i++) {
                String name = lines[i].split(":", 2)[0].trim().toLowerCase(Locale.ROOT);
                if (!name.startsWith("proxy-") && !name.equals("connection")) {
                    request.append(lines[i]).append("\r\n");
                }
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream up = upstream.getOutputStream();
            up.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            up.write(body);
            up.flush();
            // One exchange per connection: the answer says so, then is copied to the end.
            InputStream answer = upstream.getInputStream();
            String[] answerLines = readHead(answer).split("\r\n");
            StringBuilder headOut = new StringBuilder(answerLines[0]).append("\r\n");
            for (int i = 1; i < answerLines.length; i++) {
                if (!answerLines[i].toLowerCase(Locale.ROOT).startsWith("connection:")) {
                    headOut.append(answerLines[i]).append("\r\n");
                }
            }
            headOut.append("Connection: close\r\n\r\n");
            out.write(headOut.toString().getBytes(StandardCharsets.ISO_8859_1));
            answer.transferTo(out);
            out.flush();
        }
    }

    private static Socket connectLoopback(String host, int port) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        if (!address.isLoopbackAddress()) {
            throw new IOException("this test proxy forwards to loopback only: " + host);
        }
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(address, port), 5_000);
        return socket;
    }

    private void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException closed) {
            // either side closed the tunnel
        }
    }

    private static String header(String[] lines, String name) {
        for (int i = 1; i < lines.length; i++) {
            String[] parts = lines[i].split(":", 2);
            if (parts.length == 2 && parts[0].trim().equalsIgnoreCase(name)) {
                return parts[1].trim();
            }
        }
        return null;
    }

    private static void drainBody(InputStream in, String[] lines) throws IOException {
        readBody(in, lines);
    }

    private static byte[] readBody(InputStream in, String[] lines) throws IOException {
        String length = header(lines, "content-length");
        return length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
    }

    /** Reads up to the blank line that ends a head; null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                return new String(bytes, 0, n - 4, StandardCharsets.ISO_8859_1);
            }
        }
        return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : new ArrayList<>(open)) {
            socket.close();
        }
        threads.shutdownNow();
    }
}

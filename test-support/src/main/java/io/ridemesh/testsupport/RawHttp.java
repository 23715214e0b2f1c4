package io.ridemesh.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * Sends bytes no HTTP client would send (a malformed request line, raw {@code %00}, a header over the server's limit)
 * over a plain socket to a local server and reads the whole answer until the server closes. For tests of what a
 * server's framework answers before any application code runs. Stateless; thread-safe.
 */
public final class RawHttp {

    private RawHttp() {}

    /**
     * Writes {@code head} (request line and headers without the blank line), then {@code Host} and
     * {@code Connection: close}, to {@code 127.0.0.1:port}; the answer as text, status line first.
     *
     * @throws IOException if the connection fails or no answer comes within 10 s
     */
    public static String exchange(int port, String head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    bytes.write(buffer, 0, n);
                }
            } catch (SocketException e) {
                // the server reset the connection after answering
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** The status code of an answer of {@link #exchange}. */
    public static int status(String answer) {
        String statusLine = answer.lines().findFirst().orElse("");
        String[] parts = statusLine.split(" ");
        if (parts.length < 2) {
            throw new IllegalArgumentException("no status line in '" + statusLine + "'");
        }
        return Integer.parseInt(parts[1]);
    }
}

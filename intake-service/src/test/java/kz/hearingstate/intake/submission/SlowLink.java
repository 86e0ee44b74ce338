package kz.hearingstate.intake.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP link to a server that holds every reply for a while: the server, reached through it, answers slowly for
 * real, as a store short of CPU does under overload. Each connection gets two virtual threads, one per direction.
 */
final class SlowLink implements AutoCloseable {

    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final Duration replyDelay;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    SlowLink(String host, int port, Duration replyDelay) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.host = host;
        this.port = port;
        this.replyDelay = replyDelay;
        Thread.ofVirtual().name("slow-link-accept").start(this::accept);
    }

    /** Where clients connect. */
    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            sockets.add(client);
            try {
                Socket server = new Socket(host, port);
                sockets.add(server);
                Thread.ofVirtual().start(() -> pump(client, server, Duration.ZERO));
                Thread.ofVirtual().start(() -> pump(server, client, replyDelay));
            } catch (IOException unreachable) {
                closeQuietly(client); // as an unreachable server would: the client sees its connection close
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static void pump(Socket from, Socket to, Duration delay) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                Thread.sleep(delay);
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException closed) {
            // the other side or the link closed: so does this direction
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(SlowLink::closeQuietly);
    }
}

package io.etl.warehouse;

import io.etl.lake.Lake;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Lets the Redshift JDBC driver talk to a PostgreSQL server, for tests: the driver sends startup parameters that
 * PostgreSQL rejects (and no driver property turns them off), so this loopback proxy removes them from the startup
 * packet and then relays the messages both ways, untouched but for the statements Redshift refuses
 * ({@link RedshiftTransactionRule}) and those only Redshift runs when it is given a {@link RedshiftStandIn}.
 */
public final class RedshiftDriverProxy implements AutoCloseable {

    private static final Set<String> REDSHIFT_ONLY = Set.of("driver_version", "os_version", "client_protocol_version",
            "driver_discovery_version", "plugin_name", "idp_type");
    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;

    private final ServerSocket server;
    private final int targetPort;
    private final Optional<RedshiftStandIn> standIn;

    private RedshiftDriverProxy(int targetPort, Optional<RedshiftStandIn> standIn) throws IOException {
        this.targetPort = targetPort;
        this.standIn = standIn;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "redshift-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static RedshiftDriverProxy to(int postgresPort) throws IOException {
        return new RedshiftDriverProxy(postgresPort, Optional.empty());
    }

    /** A proxy that also runs Redshift's table keys and COPY from an S3 manifest of this lake ({@link RedshiftStandIn}). */
    public static RedshiftDriverProxy to(int postgresPort, Lake lake) throws IOException {
        return new RedshiftDriverProxy(postgresPort, Optional.of(new RedshiftStandIn(lake)));
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread relay = new Thread(() -> serve(client), "redshift-proxy-connection");
                relay.setDaemon(true);
                relay.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; Socket postgres = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            DataOutputStream toPostgres = new DataOutputStream(postgres.getOutputStream());
            byte[] startup = readStartup(in, client.getOutputStream());
            toPostgres.write(startup);
            toPostgres.flush();
            Thread back = new Thread(() -> relay(postgres, client), "redshift-proxy-back");
            back.setDaemon(true);
            back.start();
            relayMessages(in, toPostgres);
            postgres.shutdownOutput();
            back.join();
        } catch (IOException | InterruptedException e) {
            // the test's connection ended
        }
    }

    /** Answers "no" to SSL and GSS requests, then returns the startup packet without the Redshift-only parameters. */
    private static byte[] readStartup(DataInputStream in, OutputStream toClient) throws IOException {
        while (true) {
            int length = in.readInt();
            int code = in.readInt();
            byte[] body = in.readNBytes(length - 8);
            if (code == SSL_REQUEST || code == GSS_REQUEST) {
                toClient.write('N');
                toClient.flush();
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            String[] parts = new String(body, StandardCharsets.UTF_8).split("\0");
            for (int i = 0; i + 1 < parts.length; i += 2) {
                if (!REDSHIFT_ONLY.contains(parts[i])) {
                    parameters.put(parts[i], parts[i + 1]);
                }
            }
            ByteArrayOutputStream packet = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(packet);
            out.writeInt(0);
            out.writeInt(code);
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                out.write((p.getKey() + "\0" + p.getValue() + "\0").getBytes(StandardCharsets.UTF_8));
            }
            out.write(0);
            byte[] bytes = packet.toByteArray();
            int total = bytes.length;
            bytes[0] = (byte) (total >>> 24);
            bytes[1] = (byte) (total >>> 16);
            bytes[2] = (byte) (total >>> 8);
            bytes[3] = (byte) total;
            return bytes;
        }
    }

    /**
     * The driver's messages after the startup packet, each a type byte and a length: the statement of a simple query
     * ({@code Q}) or a parse ({@code P}) may be refused as Redshift does ({@link RedshiftTransactionRule}), or rewritten
     * by the stand-in.
     */
    private void relayMessages(DataInputStream in, DataOutputStream out) throws IOException {
        RedshiftTransactionRule rule = new RedshiftTransactionRule();
        while (true) {
            int type = in.read();
            if (type < 0) {
                return;
            }
            byte[] body = in.readNBytes(in.readInt() - 4);
            if (type == 'Q' || type == 'P') {
                body = rewritten(type, body, statement -> standIn.map(s -> s.rewrite(statement)).orElse(statement));
                body = rewritten(type, body, rule::apply);
            }
            out.write(type);
            out.writeInt(body.length + 4);
            out.write(body);
            out.flush();
        }
    }

    /** {@code Q}: the statement and a NUL; {@code P}: the statement's name, a NUL, the statement, a NUL, the rest. */
    private static byte[] rewritten(int type, byte[] body, UnaryOperator<String> rewrite) {
        int start = type == 'Q' ? 0 : indexOf(body, 0) + 1;
        int end = indexOf(body, start);
        String statement = new String(body, start, end - start, StandardCharsets.UTF_8);
        String rewritten = rewrite.apply(statement);
        if (rewritten.equals(statement)) {
            return body;
        }
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.write(body, 0, start);
        message.writeBytes(rewritten.getBytes(StandardCharsets.UTF_8));
        message.write(body, end, body.length - end);
        return message.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("a message without the NUL that ends its statement");
    }

    private static void relay(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
        } catch (IOException closed) {
            // either side hung up
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

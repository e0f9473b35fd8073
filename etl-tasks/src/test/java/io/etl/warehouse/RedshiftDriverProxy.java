package io.etl.warehouse;

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
import java.util.Set;

/**
 * Lets the Redshift JDBC driver talk to a PostgreSQL server, for tests: the driver sends startup parameters that
 * PostgreSQL rejects (and no driver property turns them off), so this loopback proxy removes them from the startup
 * packet and then relays bytes both ways untouched.
 */
final class RedshiftDriverProxy implements AutoCloseable {

    private static final Set<String> REDSHIFT_ONLY = Set.of("driver_version", "os_version", "client_protocol_version",
            "driver_discovery_version", "plugin_name", "idp_type");
    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;

    private final ServerSocket server;
    private final int targetPort;

    private RedshiftDriverProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "redshift-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static RedshiftDriverProxy to(int postgresPort) throws IOException {
        return new RedshiftDriverProxy(postgresPort);
    }

    int port() {
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
            relay(client, postgres);
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

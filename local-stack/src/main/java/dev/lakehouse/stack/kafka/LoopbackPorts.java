package dev.lakehouse.stack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks free TCP ports on the loopback interface. */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /**
     * Returns {@code requested} unless it is 0, in which case a currently free loopback port is returned.
     * Kafka's controller quorum needs the real port in its configuration before it starts, so "0, let the
     * server choose" is resolved here. There is a small window in which another process could take the
     * port; for a single-user local stack that is acceptable.
     */
    public static int resolve(int requested) {
        if (requested < 0 || requested > 65535) {
            throw new IllegalArgumentException("Port must be 0..65535, was " + requested);
        }
        if (requested != 0) {
            return requested;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on 127.0.0.1", e);
        }
    }
}

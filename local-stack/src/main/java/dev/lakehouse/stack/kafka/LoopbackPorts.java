package dev.lakehouse.stack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

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

    /**
     * Hands out free loopback ports for the processes of one cluster, never the same port twice. The OS may offer a
     * port again as soon as its probe socket is closed, long before the process it was picked for binds it: a Flink
     * JobManager once got the same port for its REST endpoint and its blob server and failed to start.
     */
    public static final class Distinct {
        private static final int MAX_ATTEMPTS = 100;
        private final Set<Integer> handedOut = new HashSet<>();

        /** {@link LoopbackPorts#resolve}, but never a port this allocator handed out or was given before. */
        public synchronized int resolve(int requested) {
            if (requested != 0) {
                handedOut.add(LoopbackPorts.resolve(requested));
                return requested;
            }
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                int port = LoopbackPorts.resolve(0);
                if (handedOut.add(port)) {
                    return port;
                }
            }
            throw new IllegalStateException("the OS offered only ports already handed out, " + MAX_ATTEMPTS + " times in a row");
        }
    }
}

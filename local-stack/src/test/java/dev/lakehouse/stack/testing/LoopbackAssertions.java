package dev.lakehouse.stack.testing;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;

/** Checks that a port is served on 127.0.0.1 and on no other local address. */
public final class LoopbackAssertions {

    private static final int CONNECT_TIMEOUT_MS = 1_000;

    private LoopbackAssertions() {
    }

    /**
     * Connects to 127.0.0.1:port (must succeed) and to the same port on every non-loopback IPv4 address
     * of this machine (must be refused): a server bound to 0.0.0.0 would accept those too.
     */
    public static void assertLoopbackOnly(int port) {
        if (!canConnect(InetAddress.getLoopbackAddress(), port)) {
            throw new AssertionError("Nothing listens on 127.0.0.1:" + port);
        }
        for (InetAddress address : nonLoopbackAddresses()) {
            if (canConnect(address, port)) {
                throw new AssertionError("Port " + port + " also answers on " + address.getHostAddress()
                        + ": the server is not bound to loopback only");
            }
        }
    }

    /** The machine's other IPv4 addresses; empty on a loopback-only host (then only the first check applies). */
    public static List<InetAddress> nonLoopbackAddresses() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                    .toList();
        } catch (SocketException e) {
            throw new IllegalStateException("Cannot list network interfaces", e);
        }
    }

    private static boolean canConnect(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

package dev.lakehouse.deployment.compose;

import java.net.URI;

/** A network address as services name each other on the compose network: service name and container port. */
record HostPort(String host, int port) {

    /** {@code host:port}, as in Kafka's bootstrap servers. */
    static HostPort parse(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("no port in " + hostAndPort);
        }
        return new HostPort(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    /** The host and port of an http(s) URL; the scheme's default port when it names none. */
    static HostPort ofUrl(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return new HostPort(uri.getHost(), port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}

package org.daleel.web;

import java.util.Objects;
import org.daleel.core.InvalidInputException;

/**
 * Settings of a {@link DaleelServer}, fixed before it starts.
 *
 * @param bindAddress address both listeners bind to ({@code 127.0.0.1} by default: a local tool)
 * @param port port of the app (UI and API); 0 picks a free port
 * @param replayPort port of the replay origin, which must differ from {@code port}; 0 picks a free
 *     port
 * @param allowPrivateCapture whether a capture request may ask for loopback/private addresses with
 *     {@code allowPrivate}; when false such requests are captured as if {@code allowPrivate} were false
 * @param maxUploadBytes largest accepted upload (one request, all files together)
 * @param operator name recorded as the operator of items added through the server, or ""
 * @param toolVersion Daleel version shown in the UI and the OpenAPI document
 */
public record ServerConfig(
        String bindAddress,
        int port,
        int replayPort,
        boolean allowPrivateCapture,
        long maxUploadBytes,
        String operator,
        String toolVersion) {

    /** Default app port. */
    public static final int DEFAULT_PORT = 7070;

    /** Default upload bound: 2 GiB. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 2L * 1024 * 1024 * 1024;

    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (bindAddress.isBlank()) {
            throw new InvalidInputException("server bind address is empty: give an address such as 127.0.0.1");
        }
        checkPort("port", port);
        checkPort("replay port", replayPort);
        if (port != 0 && port == replayPort) {
            throw new InvalidInputException(
                    "server port and replay port are both " + port + ": the replay origin needs a port of its own");
        }
        if (maxUploadBytes < 1) {
            throw new InvalidInputException("max upload bytes " + maxUploadBytes + " must be positive");
        }
        operator = Objects.requireNonNullElse(operator, "");
        toolVersion = Objects.requireNonNullElse(toolVersion, "");
    }

    /**
     * 127.0.0.1:7070 with replay on 7071, private capture off, 2 GiB uploads, the OS user as
     * operator.
     */
    public static ServerConfig defaults(String toolVersion) {
        return new ServerConfig(
                "127.0.0.1",
                DEFAULT_PORT,
                DEFAULT_PORT + 1,
                false,
                DEFAULT_MAX_UPLOAD_BYTES,
                System.getProperty("user.name", ""),
                toolVersion);
    }

    /** The same settings bound to {@code address}. */
    public ServerConfig withBindAddress(String address) {
        return new ServerConfig(address, port, replayPort, allowPrivateCapture, maxUploadBytes, operator, toolVersion);
    }

    /**
     * The same settings on {@code newPort}, with the replay origin on the next port (or on a free
     * port when {@code newPort} is 0).
     */
    public ServerConfig withPort(int newPort) {
        checkPort("port", newPort);
        int replay = newPort == 0 ? 0 : newPort + 1;
        return new ServerConfig(
                bindAddress, newPort, replay, allowPrivateCapture, maxUploadBytes, operator, toolVersion);
    }

    /** The same settings with the replay origin on {@code newReplayPort}. */
    public ServerConfig withReplayPort(int newReplayPort) {
        return new ServerConfig(
                bindAddress, port, newReplayPort, allowPrivateCapture, maxUploadBytes, operator, toolVersion);
    }

    /** The same settings with private capture allowed or not. */
    public ServerConfig withAllowPrivateCapture(boolean allow) {
        return new ServerConfig(bindAddress, port, replayPort, allow, maxUploadBytes, operator, toolVersion);
    }

    /** The same settings with another upload bound. */
    public ServerConfig withMaxUploadBytes(long bytes) {
        return new ServerConfig(bindAddress, port, replayPort, allowPrivateCapture, bytes, operator, toolVersion);
    }

    /** The same settings with another operator name. */
    public ServerConfig withOperator(String name) {
        return new ServerConfig(bindAddress, port, replayPort, allowPrivateCapture, maxUploadBytes, name, toolVersion);
    }

    private static void checkPort(String what, int value) {
        if (value < 0 || value > 65535) {
            throw new InvalidInputException("server " + what + " " + value + " is out of range 0..65535");
        }
    }
}

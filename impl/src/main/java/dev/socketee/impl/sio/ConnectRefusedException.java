package dev.socketee.impl.sio;

/** Thrown by a connect handler to refuse a socket: the client gets CONNECT_ERROR with message and data. */
public class ConnectRefusedException extends Exception {

    private final transient Object data;

    public ConnectRefusedException(String message, Object data) {
        super(message, null, false, false);
        this.data = data;
    }

    public Object data() {
        return data;
    }
}

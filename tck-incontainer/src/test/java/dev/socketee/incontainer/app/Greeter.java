package dev.socketee.incontainer.app;

/** The type {@link ShoutingGreeter} decorates. */
public interface Greeter {
    String greet(String name);
}

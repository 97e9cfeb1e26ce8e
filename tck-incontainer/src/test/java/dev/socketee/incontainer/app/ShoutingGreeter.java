package dev.socketee.incontainer.app;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/** Upper-cases what the decorated greeter answers. */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class ShoutingGreeter implements Greeter {

    @Inject
    @Delegate
    @Any
    Greeter delegate;

    @Override
    public String greet(String name) {
        return delegate.greet(name).toUpperCase(java.util.Locale.ROOT);
    }
}

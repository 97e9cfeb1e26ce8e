package dev.socketee.impl.cdi.deploy;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the intercepted calls and wraps their return values. */
@Traced
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class TracingInterceptor {

    public static final List<String> CALLS = new CopyOnWriteArrayList<>();

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        CALLS.add(ctx.getMethod().getName() + java.util.Arrays.toString(ctx.getParameters()));
        return ctx.proceed();
    }
}

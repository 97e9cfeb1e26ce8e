package dev.socketee.incontainer.app;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every handler call it wraps and brackets a String result: "[result]". */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditInterceptor {

    public static final List<String> CALLS = new CopyOnWriteArrayList<>();

    @AroundInvoke
    Object audit(InvocationContext ctx) throws Exception {
        CALLS.add(ctx.getMethod().getName());
        Object result = ctx.proceed();
        return result instanceof String s ? "[" + s + "]" : result;
    }
}

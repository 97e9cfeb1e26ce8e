package dev.socketee.incontainer.app;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketNamespace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;

/** Transactions in handlers, where the server has them: a UserTransaction by hand, and @Transactional. */
@ApplicationScoped
@SocketNamespace("/it")
public class TransactionHandlers {

    Map<String, Object> manual(@Observes @OnSocketEvent("tx-manual") String unused) throws Exception {
        InitialContext jndi = new InitialContext();
        UserTransaction tx = (UserTransaction) jndi.lookup("java:comp/UserTransaction");
        TransactionSynchronizationRegistry tsr = (TransactionSynchronizationRegistry) jndi.lookup("java:comp/TransactionSynchronizationRegistry");
        AtomicInteger completed = new AtomicInteger(-1);
        tx.begin();
        boolean inTx = tsr.getTransactionKey() != null;
        tsr.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                completed.set(status);
            }
        });
        tx.commit();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inTransaction", inTx);
        m.put("committed", completed.get() == Status.STATUS_COMMITTED);
        m.put("after", tx.getStatus() == Status.STATUS_NO_TRANSACTION);
        return m;
    }

    @Transactional
    boolean annotated(@Observes @OnSocketEvent("tx-annotated") String unused) throws Exception {
        TransactionSynchronizationRegistry tsr = (TransactionSynchronizationRegistry) new InitialContext()
                .lookup("java:comp/TransactionSynchronizationRegistry");
        return tsr.getTransactionKey() != null;
    }
}

package dev.socketee.impl.engine;

/**
 * A reusable timeout that a {@link Scheduler} arms, moves and cancels; subclasses say what
 * happens on expiry. {@link #expire()} runs on the scheduler's engine executor (never on the
 * timer thread, and at most once per arming): it does engine work only, and hands anything that
 * reaches user code (close listeners, ack callbacks) to the server's callback executor.
 */
public abstract class Timeout {

    /** The scheduler's record of the current arming, null when disarmed; guarded by this object. */
    Object armed;

    protected abstract void expire();

    /** Clears the arming {@code which} if it is still the current one; true if it was. */
    final boolean disarmIfCurrent(Object which) {
        synchronized (this) {
            if (armed != which) {
                return false;
            }
            armed = null;
            return true;
        }
    }

    /** Runs {@link #expire()} for the arming {@code which}, unless it was moved or cancelled since it fell due. */
    final void expireIfCurrent(Object which) {
        if (disarmIfCurrent(which)) {
            expire();
        }
    }
}

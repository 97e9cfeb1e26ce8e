package dev.socketee.admin;

import java.util.List;

/** Where the admin events go: every admin socket, on this node and (through the adapter) the others. */
@FunctionalInterface
interface AdminFeed {
    void send(String event, List<Object> args);
}

package dev.socketee.redis;

/**
 * Which sharded channels a namespace uses (node's {@code subscriptionMode}): {@code STATIC} two
 * per namespace; {@code DYNAMIC} (node's default) one more per public room, so a room broadcast
 * reaches only the nodes with a member; {@code DYNAMIC_PRIVATE} one per room, socket-id rooms too.
 * Every node of a cluster must use the same mode.
 */
public enum ShardedSubscriptionMode {
    STATIC,
    DYNAMIC,
    DYNAMIC_PRIVATE
}

package dev.seguito.sync;

import io.vertx.core.Future;

/**
 * One CRM the outbox delivers to. Implementations must be idempotent: the outbox is at-least-once, so the same
 * {@link SyncRecord} can arrive several times and must never create a second party or interaction.
 */
public interface CrmConnector {

    /** Short stable name used in logs and settings, e.g. {@code "ofbiz"}. */
    String name();

    /** Succeeds when the CRM is reachable and Seguito's credentials and CRM-side component work. */
    Future<Void> checkConnection();

    /** Creates what the CRM needs before the first delivery (data sources, event types); safe to repeat. */
    Future<Void> install();

    /** Delivers one change. Never fails the future for CRM problems: they are reported in the {@link CrmResult}. */
    Future<CrmResult> deliver(SyncRecord record);
}

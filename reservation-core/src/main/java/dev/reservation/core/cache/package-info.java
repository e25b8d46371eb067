/**
 * Read-through caches of reference data (users, rooms) for frontends that read them on every
 * request; bounded staleness across processes, none for the caching process's own writes.
 */
package dev.reservation.core.cache;

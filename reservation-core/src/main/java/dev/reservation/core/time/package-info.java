/**
 * Local times the way people give and read them: parsing a wall-clock date and time in a zone into
 * an instant under the zone's daylight-saving rules ({@link LocalTimes}), and formatting instants
 * and slots for messages in a stated zone, to the minute ({@link TimeText}). Web, API and CLI all
 * go through here, so a nonexistent or ambiguous local time is refused the same way everywhere.
 */
package dev.reservation.core.time;

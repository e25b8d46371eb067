package dev.reservation.harness.cluster;

/** A fault that this cluster kind cannot inject (e.g. kill on an external cluster without a kill hook). */
public final class UnsupportedFaultException extends RuntimeException {
    public UnsupportedFaultException(String message) {
        super(message);
    }
}

package dev.reservation.cli;

/** The command scenarios against the core's in-memory store, shared across the runs of one test. */
class InMemoryCommandsTest extends ReservationScenarios {
    @Override
    protected CliHarness newCli() {
        return new CliHarness(new TestStores());
    }
}

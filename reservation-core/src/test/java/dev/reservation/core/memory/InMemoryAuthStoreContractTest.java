package dev.reservation.core.memory;

import dev.reservation.core.auth.SessionStore;
import dev.reservation.core.auth.SignInAttemptStore;
import dev.reservation.core.store.AuthStoreContractTest;

class InMemoryAuthStoreContractTest extends AuthStoreContractTest {
    private InMemorySignInAttemptStore attempts;

    @Override
    protected SessionStore newSessionStore() {
        return new InMemorySessionStore();
    }

    @Override
    protected SignInAttemptStore newAttemptStore() {
        attempts = new InMemorySignInAttemptStore();
        return attempts;
    }

    @Override
    protected SignInAttemptStore sameStoreAgain() {
        return attempts; // one process: the same map
    }
}

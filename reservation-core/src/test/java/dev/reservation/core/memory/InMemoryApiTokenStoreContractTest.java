package dev.reservation.core.memory;

import dev.reservation.core.auth.ApiTokenStore;
import dev.reservation.core.auth.ApiTokenStoreContractTest;

class InMemoryApiTokenStoreContractTest extends ApiTokenStoreContractTest {
    @Override
    protected ApiTokenStore newStore() {
        return new InMemoryApiTokenStore();
    }
}

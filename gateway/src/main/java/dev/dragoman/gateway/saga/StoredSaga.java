package dev.dragoman.gateway.saga;

/** A saga instance as stored: the machine's state, the declaration it runs by, and its receivers. */
record StoredSaga(SagaState state, SagaDeclaration declaration, Receivers receivers) {
}

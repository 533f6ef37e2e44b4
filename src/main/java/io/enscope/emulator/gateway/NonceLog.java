package io.enscope.emulator.gateway;

/** Makes the nonces of write requests durable before they are answered (the {@code --state} file). */
public interface NonceLog {

    /** Records a nonce a write request used; returns a ticket for {@link #awaitDurable}. */
    long used(UsedNonce nonce);

    /** Returns once what {@code ticket} stands for is durable; throws if it cannot be made durable. */
    void awaitDurable(long ticket);
}

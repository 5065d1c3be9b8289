/**
 * The backplane service-provider interface: the packets that network interfaces exchange and
 * the routing backplane that carries them between nodes (design reference, section 3).
 *
 * <p>A NIC design sees the network only through {@link org.vmmc.core.net.Backplane}: it hands
 * packets over with {@code tryInject} and takes them in through its
 * {@link org.vmmc.core.net.PacketReceiver}. Both directions apply back-pressure, so the
 * network is lossless: a packet is never dropped inside it.
 */
package org.vmmc.core.net;

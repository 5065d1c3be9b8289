/**
 * Tests for network interface designs and for VMMC programs, as one dependency
 * ({@code org.vmmc:vmmc-testkit}) that brings JUnit 5, AssertJ and the simulator with it.
 *
 * <ul>
 *   <li>{@link org.vmmc.testkit.VmmcContract}: the contract suite every design must pass,
 *       through the public user library only; a design's test subclasses it and names its
 *       Guice module. Its automatic-update section, {@link
 *       org.vmmc.testkit.AutomaticUpdateContract}, runs as a nested class.</li>
 *   <li>{@link org.vmmc.testkit.DesignRig}: nodes of one design on a mesh with no kernel, for
 *       tests of the design's hardware through its driver and the CPU.</li>
 *   <li>{@link org.vmmc.testkit.VmmcAssertions}: AssertJ assertions on runs, machines, memory
 *       and arrivals; {@link org.vmmc.testkit.Arrivals} and {@link org.vmmc.testkit.StoreLog}
 *       record what lands in a buffer and what was stored.</li>
 *   <li>{@link org.vmmc.testkit.SimulatedMulticomputer} and {@link org.vmmc.testkit.VmmcTest}:
 *       a JUnit 5 extension that hands a test a configured machine and closes it after.</li>
 *   <li>{@link org.vmmc.testkit.FaultInjection}: what a faulty kernel could do behind VMMC's
 *       back, for tests of how a design reports it.</li>
 * </ul>
 */
package org.vmmc.testkit;

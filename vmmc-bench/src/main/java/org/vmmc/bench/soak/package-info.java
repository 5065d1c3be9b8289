/**
 * The randomised adversarial protection test behind {@code vmmc-bench soak} and the test
 * suite's {@code SoakProtectionTest}: a generator of seeded random sequences of VMMC calls and
 * misuse across processes, nodes, designs and scheduler quanta ({@code ScenarioGenerator},
 * {@code Actor}), an oracle that judges every write to physical memory and the delivery of
 * every message ({@code Oracle}), and the drivers that run one sequence or many for a given
 * time ({@link org.vmmc.bench.soak.SequenceRunner}, {@link org.vmmc.bench.soak.Soak}). The
 * oracle reads the machine only through {@code Inspector}, the user library's
 * inspection door.
 */
package org.vmmc.bench.soak;

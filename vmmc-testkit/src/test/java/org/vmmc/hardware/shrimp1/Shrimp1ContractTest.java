package org.vmmc.hardware.shrimp1;

import com.google.inject.Module;
import org.vmmc.testkit.VmmcContract;

/** The VMMC contract on SHRIMP-I. */
class Shrimp1ContractTest extends VmmcContract {
  @Override
  protected Module design() {
    return new Shrimp1Module();
  }
}

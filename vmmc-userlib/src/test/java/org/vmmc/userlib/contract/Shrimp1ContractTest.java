package org.vmmc.userlib.contract;

import com.google.inject.Module;
import org.vmmc.hardware.shrimp1.Shrimp1Module;

/** The VMMC contract on SHRIMP-I. */
class Shrimp1ContractTest extends VmmcContract {
  @Override
  protected Module design() {
    return new Shrimp1Module();
  }
}

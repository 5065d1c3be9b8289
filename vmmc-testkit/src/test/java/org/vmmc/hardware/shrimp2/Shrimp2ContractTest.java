package org.vmmc.hardware.shrimp2;

import com.google.inject.Module;
import org.vmmc.testkit.VmmcContract;

/** The VMMC contract on SHRIMP-II. */
class Shrimp2ContractTest extends VmmcContract {
  @Override
  protected Module design() {
    return new Shrimp2Module();
  }
}

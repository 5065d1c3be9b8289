package org.vmmc.userlib.contract;

import com.google.inject.Module;
import org.vmmc.hardware.shrimp2.Shrimp2Module;

/** The VMMC contract on SHRIMP-II. */
class Shrimp2ContractTest extends VmmcContract {
  @Override
  protected Module design() {
    return new Shrimp2Module();
  }
}

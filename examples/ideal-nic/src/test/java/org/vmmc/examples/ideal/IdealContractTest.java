package org.vmmc.examples.ideal;

import com.google.inject.Module;
import org.vmmc.testkit.VmmcContract;

/** The VMMC contract, every test of it, on the ideal interface. */
class IdealContractTest extends VmmcContract {
  @Override
  protected Module design() {
    return new IdealModule();
  }
}

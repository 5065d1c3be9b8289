package org.vmmc.hardware.conventional;

import com.google.inject.Module;
import org.vmmc.testkit.VmmcContract;

/** The VMMC contract on the conventional (Paragon NX style) interface. */
class ConventionalContractTest extends VmmcContract {
  @Override
  protected Module design() {
    return new ConventionalModule();
  }
}
